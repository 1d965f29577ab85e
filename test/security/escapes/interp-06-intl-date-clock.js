// id: interpreter-intl-date-host-data
// technique: Intl and Date probing for host data: default locale, time zone, resolvedOptions, supportedLocalesOf, Date.now against the host clock
// source: SES 'Date.now / Intl taming' (host time zone and locale leak fingerprint data)
// expect: result
attempt('resolvedOptions', () => new Intl.DateTimeFormat().resolvedOptions());
attempt('number resolvedOptions', () => new Intl.NumberFormat().resolvedOptions());
attempt('supportedLocalesOf', () => Intl.NumberFormat.supportedLocalesOf(['de-DE', 'en-US']));
attempt('toLocaleString default', () => new Date(0).toLocaleString());
attempt('timezone offset', () => new Date(0).getTimezoneOffset());
attempt('Date.now', () => typeof Date.now());
attempt('Math.random seeded', () => Math.random());
R
