"""Packages (courses) on screen: the member's courses, using a session, each course's history."""
