/** Float64 vector helpers shared by the oracles and the references (plain arrays, no mathjs). */
export type Vec = number[];

export const zeros = (n: number): Vec => new Array<number>(n).fill(0);
export const filled = (n: number, value: number): Vec => new Array<number>(n).fill(value);
export const add = (a: Vec, b: Vec): Vec => a.map((x, i) => x + b[i]);
export const sub = (a: Vec, b: Vec): Vec => a.map((x, i) => x - b[i]);
export const mul = (a: Vec, b: Vec): Vec => a.map((x, i) => x * b[i]);
export const div = (a: Vec, b: Vec): Vec => a.map((x, i) => x / b[i]);
export const scale = (s: number, a: Vec): Vec => a.map((x) => s * x);
/** a + s·b */
export const axpy = (a: Vec, s: number, b: Vec): Vec => a.map((x, i) => x + s * b[i]);
export const square = (a: Vec): Vec => a.map((x) => x * x);
export const sqrt = (a: Vec): Vec => a.map(Math.sqrt);
export const shift = (a: Vec, c: number): Vec => a.map((x) => x + c);
export const maximum = (a: Vec, b: Vec): Vec => a.map((x, i) => Math.max(x, b[i]));
export const norm = (a: Vec): number => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
