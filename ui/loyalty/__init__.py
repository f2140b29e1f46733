"""The loyalty panel of a member: tier, points, history, referral code and QR, adjustments, member card."""
