"""Photos at full size: the viewer of a task's before/after photos and of a skin scan's images."""
