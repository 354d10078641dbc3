"""Phrase search: folding, the bigram index, query parsing, candidates and ranking."""
