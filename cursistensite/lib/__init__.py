"""Helpers without models, shared by the apps."""
