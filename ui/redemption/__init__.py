"""The redemption screen and the loyalty page's rewards: what a member can redeem, their coupons, a code's check."""
