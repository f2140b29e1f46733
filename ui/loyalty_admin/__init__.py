"""The manager's "Loyalty program" dialog: earning and tiers, rewards, achievements, coupon campaigns."""
