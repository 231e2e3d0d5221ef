"""The bad-input corpus: broken copies of a small valid roadmap, each with the exact message expected."""
