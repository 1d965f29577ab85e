[
  Date.UTC(2024, 1, 29), Date.UTC(1970, 0), Date.UTC(2024), Date.UTC(99, 0, 1), Date.UTC(100, 0, 1), Date.UTC(2024, 12, 1),
  Date.UTC(2024, 0, 1, 24), Date.UTC(2024, -1), Date.UTC(NaN), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 14),
  new Date(Date.UTC(2000, 1, 29)).toISOString(),
]
