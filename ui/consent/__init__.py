"""The treatment consent form the customer reads and signs on screen (``dialog.ConsentDialog``)."""
