// A group page's Meetings tab: its own chunk (the meeting and poll forms with their inputs), fetched
// when the tab is first opened rather than with every group page.
import { GroupMeetings } from '@convene/web-meetings';

export default GroupMeetings;
