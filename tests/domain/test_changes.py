"""ChangeSet: what a use case changed."""

from __future__ import annotations

from bnaura_desk.domain.changes import ChangeSet, ChangeSetBuilder, Kind


def test_builder_collects_ids_by_kind() -> None:
    b = ChangeSetBuilder()
    b.add(Kind.CUSTOMER, "c1")
    b.add(Kind.CUSTOMER, ["c1", "c2"])
    b.add(Kind.VISIT, ("v1",))
    cs = b.build(result="c1")
    assert cs.ids(Kind.CUSTOMER) == {"c1", "c2"}
    assert cs.ids(Kind.VISIT) == {"v1"}
    assert cs.ids(Kind.STAFF) == frozenset()
    assert cs.touches(Kind.VISIT) and not cs.touches(Kind.STAFF)
    assert cs.result == "c1"
    assert not cs.empty


def test_merge_is_a_union_and_the_later_result_wins() -> None:
    a = ChangeSet({Kind.CUSTOMER: frozenset({"c1"}), Kind.VISIT: frozenset({"v1"})}, result=1)
    b = ChangeSet({Kind.CUSTOMER: frozenset({"c2"}), Kind.STAFF: frozenset({"s1"})}, result=2)
    m = a.merged(b)
    assert m.ids(Kind.CUSTOMER) == {"c1", "c2"}
    assert m.ids(Kind.VISIT) == {"v1"}
    assert m.ids(Kind.STAFF) == {"s1"}
    assert m.result == 2
    # Neither input was modified.
    assert a.ids(Kind.CUSTOMER) == {"c1"} and b.ids(Kind.CUSTOMER) == {"c2"}


def test_empty() -> None:
    assert ChangeSet().empty
    assert ChangeSet({Kind.CUSTOMER: frozenset()}).empty
    assert ChangeSet().merged(ChangeSet()).empty
    assert not ChangeSet().merged(ChangeSet({Kind.STAFF: frozenset({"s"})})).empty


def test_change_sets_are_frozen() -> None:
    cs = ChangeSetBuilder().build()
    try:
        cs.result = 3  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a ChangeSet must be immutable")


def test_past_its_limit_a_builder_says_many_and_lets_the_ids_go() -> None:
    b = ChangeSetBuilder(limit=3)
    b.add(Kind.CUSTOMER, ["c1", "c2", "c3"])
    b.add(Kind.VISIT, "v1")
    assert not b.build().many
    b.add(Kind.CUSTOMER, "c4")
    b.add(Kind.CUSTOMER, "c5")  # already many: not kept
    cs = b.build()
    assert cs.many == {Kind.CUSTOMER} and cs.ids(Kind.CUSTOMER) == frozenset()
    assert cs.touches(Kind.CUSTOMER) and not cs.empty
    # Any customer may have changed; visits are still named.
    assert cs.may_touch(Kind.CUSTOMER, "anybody")
    assert cs.may_touch(Kind.VISIT, "v1") and not cs.may_touch(Kind.VISIT, "v2")
    assert not cs.may_touch(Kind.STAFF, "s1")


def test_many_survives_a_merge_either_way() -> None:
    many = ChangeSet(many=frozenset({Kind.CUSTOMER}))
    named = ChangeSet({Kind.CUSTOMER: frozenset({"c1"}), Kind.STAFF: frozenset({"s1"})}, result=7)
    for m in (many.merged(named), named.merged(many)):
        assert m.many == {Kind.CUSTOMER} and m.may_touch(Kind.CUSTOMER, "c9")
        assert m.ids(Kind.STAFF) == {"s1"}
    assert many.merged(named).result == 7
    assert not ChangeSet(many=frozenset({Kind.STAFF})).empty
