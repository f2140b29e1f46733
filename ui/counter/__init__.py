"""The counter: the POS screen, its cart, payment and shift dialogs."""
