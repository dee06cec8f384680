"""Readers turn source files into `Record`s (or `Rejection`s); writers store shards atomically."""
