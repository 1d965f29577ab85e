[
  Date.parse('2024-02-29T12:00:00Z'), Date.parse('2024-02-29T12:00:00.000+00:00'), Date.parse('2024-02-29T00:00Z'),
  Date.parse('1970-01-01'), Date.parse('garbage'), Date.parse('2024-02-29T24:00:00Z'), Date.parse('2024-02-29T24:00:01Z'),
  Date.parse('2024-02-29T12:00:00.123+01:00'),
]
