"""Staff roles and what each may do. Services check these, not only the UI."""

from __future__ import annotations

from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    SALES = "sales"
    BEAUTICIAN = "beautician"
    MANAGER = "manager"
    OWNER = "owner"


class Permission(StrEnum):
    CUSTOMER_VIEW = "customer.view"
    CUSTOMER_EDIT = "customer.edit"
    CUSTOMER_CHECK_IN = "customer.check_in"
    CUSTOMER_DELETE = "customer.delete"
    CUSTOMER_IMPORT_EXPORT = "customer.import_export"
    CATALOG_MANAGE = "catalog.manage"
    STOCK_ADJUST = "stock.adjust"
    STAFF_MANAGE = "staff.manage"
    SALE_SELL = "sale.sell"
    SALE_REFUND = "sale.refund"
    SALE_VOID = "sale.void"
    SALE_DISCOUNT = "sale.discount"  # a line discount above the clinic's limit
    CASH_OUT = "shift.cash_out"  # take cash out of the drawer that is not a sale's (petty cash)
    CLINIC_SETTINGS = "clinic.settings"
    AUDIT_VIEW = "audit.view"
    SYNC_MANAGE = "sync.manage"  # connect the terminal to the server, settle sync exceptions
    POINTS_ADJUST = "points.adjust"  # add or take a member's points by hand, with a reason
    LOYALTY_MANAGE = "loyalty.manage"  # the loyalty program: earning rules, tiers, rewards, achievements, campaigns
    COUNTER_RULES = "counter.rules"  # the counter's rules: tier discount lines, discount limit, courses, coupons
    JOURNEY_MOVE = "journey.move"  # open journeys, move them forward, cancel them, assign them
    JOURNEY_TREAT = "journey.treat"  # move a journey into and out of its treatment (beauticians)
    JOURNEY_REOPEN = "journey.reopen"  # move a journey back or reopen it, with a reason
    APPOINTMENT_BOOK = "appointment.book"  # book, move and cancel appointments, record a no-show
    BRANCH_SCHEDULE = "branch.schedule"  # the branch's rooms and opening hours


_EVERYONE = {Permission.CUSTOMER_VIEW}
_COUNTER = _EVERYONE | {
    Permission.CUSTOMER_EDIT,
    Permission.CUSTOMER_CHECK_IN,
    Permission.SALE_SELL,
    Permission.APPOINTMENT_BOOK,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(_COUNTER),
    Role.SALES: frozenset(_COUNTER | {Permission.JOURNEY_MOVE}),
    Role.BEAUTICIAN: frozenset(_EVERYONE | {Permission.CUSTOMER_CHECK_IN, Permission.JOURNEY_TREAT}),
    Role.MANAGER: frozenset(set(Permission) - {Permission.CLINIC_SETTINGS}),
    Role.OWNER: frozenset(Permission),
}

# Roles that may authorise another user's single action with their PIN.
OVERRIDE_ROLES = frozenset({Role.MANAGER, Role.OWNER})

ROLE_LABELS: dict[Role, str] = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("roles", "Front desk"),
    Role.SALES: QT_TRANSLATE_NOOP("roles", "Sales"),
    Role.BEAUTICIAN: QT_TRANSLATE_NOOP("roles", "Beautician"),
    Role.MANAGER: QT_TRANSLATE_NOOP("roles", "Manager"),
    Role.OWNER: QT_TRANSLATE_NOOP("roles", "Owner"),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.CUSTOMER_VIEW: QT_TRANSLATE_NOOP("permissions", "view customers"),
    Permission.CUSTOMER_EDIT: QT_TRANSLATE_NOOP("permissions", "register and edit customers"),
    Permission.CUSTOMER_CHECK_IN: QT_TRANSLATE_NOOP("permissions", "check customers in"),
    Permission.CUSTOMER_DELETE: QT_TRANSLATE_NOOP("permissions", "delete customers"),
    Permission.CUSTOMER_IMPORT_EXPORT: QT_TRANSLATE_NOOP("permissions", "import and export customers"),
    Permission.CATALOG_MANAGE: QT_TRANSLATE_NOOP("permissions", "manage the catalog"),
    Permission.STOCK_ADJUST: QT_TRANSLATE_NOOP("permissions", "adjust stock"),
    Permission.STAFF_MANAGE: QT_TRANSLATE_NOOP("permissions", "manage staff"),
    Permission.SALE_SELL: QT_TRANSLATE_NOOP("permissions", "sell"),
    Permission.SALE_REFUND: QT_TRANSLATE_NOOP("permissions", "refund a sale"),
    Permission.SALE_VOID: QT_TRANSLATE_NOOP("permissions", "void a sale"),
    Permission.SALE_DISCOUNT: QT_TRANSLATE_NOOP("permissions", "give a discount above the limit"),
    Permission.CASH_OUT: QT_TRANSLATE_NOOP("permissions", "take cash out of the drawer"),
    Permission.CLINIC_SETTINGS: QT_TRANSLATE_NOOP("permissions", "change clinic settings"),
    Permission.AUDIT_VIEW: QT_TRANSLATE_NOOP("permissions", "view the audit log"),
    Permission.SYNC_MANAGE: QT_TRANSLATE_NOOP("permissions", "manage sync and its exceptions"),
    Permission.POINTS_ADJUST: QT_TRANSLATE_NOOP("permissions", "adjust a member's points"),
    Permission.LOYALTY_MANAGE: QT_TRANSLATE_NOOP("permissions", "manage the loyalty program"),
    Permission.COUNTER_RULES: QT_TRANSLATE_NOOP("permissions", "change the counter's rules"),
    Permission.JOURNEY_MOVE: QT_TRANSLATE_NOOP("permissions", "open and move customer journeys"),
    Permission.JOURNEY_TREAT: QT_TRANSLATE_NOOP("permissions", "start and finish a journey's treatment"),
    Permission.JOURNEY_REOPEN: QT_TRANSLATE_NOOP("permissions", "move a journey back or reopen it"),
    Permission.APPOINTMENT_BOOK: QT_TRANSLATE_NOOP("permissions", "book appointments"),
    Permission.BRANCH_SCHEDULE: QT_TRANSLATE_NOOP("permissions", "set the branch's rooms and opening hours"),
}


def may(role: Role, permission: Permission) -> bool:
    """Return whether ``role`` holds ``permission``."""
    return permission in ROLE_PERMISSIONS[role]
