"""Images (skin scans, before/after photos, signatures): content-addressed files, never operation payloads.

``checks`` says whether bytes are an image this app keeps (a pure check
the server makes too); ``store`` keeps them in the terminal's data folder,
named by their SHA-256. The sync round uploads them after the operations
(``sync.client.images``) and other terminals fetch them when first shown.
"""
