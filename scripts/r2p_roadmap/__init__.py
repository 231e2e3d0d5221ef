"""Build the R2P roadmap site from roadmap.yaml: load, validate, render, write, and build with MkDocs."""
