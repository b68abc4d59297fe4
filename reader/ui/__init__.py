"""The Qt front end: thin widgets over reader.core."""
