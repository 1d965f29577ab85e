class Repo {
  #data = new Map([[1, 'one'], [2, 'two']]);
  async get(id) {
    await null;
    if (!this.#data.has(id)) throw new RangeError(`no ${id}`);
    return this.#data.get(id);
  }
  static async all(repo, ids) {
    return Promise.all(ids.map((id) => repo.get(id).catch((e) => e.message)));
  }
}
Repo.all(new Repo(), [1, 3, 2])
