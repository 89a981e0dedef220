"""Recordings of practice sessions, their transcripts, score cards and reviews."""
