"""The customer screen: search list, detail panel, register/edit form."""
