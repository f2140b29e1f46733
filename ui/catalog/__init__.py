"""The catalog screen: treatments, products and packages; stock for products."""
