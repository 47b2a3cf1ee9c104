// @types/ws is not installed; the tests only hand this class to graphql-ws's createClient.
declare module 'ws' {
  export default class WebSocket {
    constructor(address: string, protocols?: string | string[]);
  }
}
