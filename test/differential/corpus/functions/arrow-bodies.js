const a = () => ({ wrapped: true });
const b = () => { wrapped: true };
const c = (x) => (x, x + 1);
const d = async () => 1;
const e = (x = 1, { y } = { y: 2 }, [z] = [3]) => x + y + z;
[a(), b(), c(1), typeof d, e(), e(10, { y: 20 }, [30])]
