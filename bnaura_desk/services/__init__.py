"""Use cases: each runs in one transaction and returns a ChangeSet.

A use case is a function ``(ctx: ServiceContext, ...) -> ChangeSet`` run by
``Terminal.run``; a read is a function ``(session: Session, ...) -> T`` run
by ``Terminal.read``. Services never commit: the runner does.
"""
