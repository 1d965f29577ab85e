const data = { user: { profile: { name: 'Ann' }, greet() { return 'hi ' + this.profile.name; } }, list: [{ v: 1 }] };
const none = null;
[
  data?.user?.profile?.name,
  data.user?.missing?.deep,
  none?.x,
  none?.x.y.z,
  data.list?.[0]?.v,
  data.list?.[5]?.v,
  data.user.greet?.(),
  data.user.nope?.(),
  none?.[(() => { throw new Error('not evaluated'); })()],
  (data?.user).profile.name,
  typeof data?.user?.greet,
]
