"""The product catalogue: products, their bilingual presentation, search and comparison."""
