"""Embedders: texts to unit vectors, behind a Protocol and a registry by name."""

from drift.embed.base import EMBEDDERS, Embedder, cosine_matrix, get_embedder

__all__ = ["EMBEDDERS", "Embedder", "cosine_matrix", "get_embedder"]
