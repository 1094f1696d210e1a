"""The window's views, one module each: visits, agreements, statistics, timeline, missions,
people & organisations, articles."""
