function render(tpl, ctx) {
  return tpl.replace(/\{\{\s*([\w.]+)\s*(?:\|\s*(\w+))?\s*\}\}/g, (_, path, filter) => {
    let v = path.split('.').reduce((o, k) => o?.[k], ctx);
    if (filter === 'upper') v = String(v).toUpperCase();
    if (filter === 'len') v = v.length;
    return v ?? '';
  });
}
const ctx = { user: { name: 'ann', tags: ['a', 'b'] }, n: 3 };
[render('Hi {{ user.name | upper }}, {{n}} items, {{user.tags|len}} tags, {{missing}}!', ctx), render('{{a}}{{', {})]
