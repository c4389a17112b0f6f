// What other features may use of the inbox: the navigation's link with the unread number, the composer,
// and a learner's newest announcements in a course or cohort (the list, and its query for a page that waits for it).
export { InboxNavLink } from './components/inbox-nav-link';
export { AnnouncementComposer } from './components/announcement-composer';
export { MyAnnouncements } from './components/my-announcements';
export { useMyAnnouncements } from './api/my-announcements';
