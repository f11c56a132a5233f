// The Arabic of the scripts' messages, by their English (i18n.js), one
// file a group of pages. The object is JSON, so the test that finds
// messages without an entry reads it as it is. A count's six forms are a
// list: zero, one, two, few (3 to 10), many (11 to 99), other.
export default {
};
