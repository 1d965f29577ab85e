const user = { id: 7, name: 'Ann', role: 'admin', meta: { tags: ['a', 'b'] } };
const { id, name: userName, missing, role = 'guest', extra = 'none' } = user;
const { meta: { tags: [firstTag] } } = user;
const { id: _, ...rest } = user;
[id, userName, missing, role, extra, firstTag, rest]
