const thrown = ['string', 42, null, undefined, { code: 1 }, [1, 2], true];
const caught = thrown.map((v) => {
  try {
    throw v;
  } catch (e) {
    return [typeof e, e === v, e instanceof Error];
  }
});
caught
