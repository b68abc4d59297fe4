"""Full-text search: a Whoosh index of articles, exact for Chinese by design (see analysis.py)."""
