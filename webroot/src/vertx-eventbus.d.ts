declare module '@vertx/eventbus-bridge-client.js';
