/** The start-up part of a locale, cut by startup-locale-plugin.ts. */
declare module 'virtual:startup-locale/*' {
  const messages: import('./startup-keys').Messages;
  export default messages;
}
