"""The PySide6 desktop app. Talks to bnaura_desk only through a Terminal."""
