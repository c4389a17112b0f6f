// What other features may use of the inbox: the navigation's link with the unread number.
export { InboxNavLink } from './components/inbox-nav-link';
export { AnnouncementComposer } from './components/announcement-composer';
export { MyAnnouncements } from './components/my-announcements';
