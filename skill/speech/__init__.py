"""Speech report: how long the skill talks, how long its lists are, how hard its words read."""
