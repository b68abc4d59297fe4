"""The Qt-free core of Press Reader: reading pages, articles, search, entities, marks."""
