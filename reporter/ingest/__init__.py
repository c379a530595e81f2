"""Ingest: article files of every kind become one typed ``Article``."""
