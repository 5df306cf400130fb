import './networks.css';

export { EventPage } from './EventPage.tsx';
export { MeetingPage } from './MeetingPage.tsx';
export { EditNetworkPage, NewNetworkPage } from './NetworkForm.tsx';
export { NetworkInvitationPage } from './NetworkInvitationPage.tsx';
export { NetworkPage } from './NetworkPage.tsx';
export { NetworksPage } from './NetworksPage.tsx';
