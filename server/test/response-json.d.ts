// Tests read JSON bodies loosely; assertions check their shape.
export {};
declare global {
  interface Response {
    json(): Promise<any>;
  }
}
