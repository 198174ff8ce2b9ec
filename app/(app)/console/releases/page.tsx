import { ConsolePage } from '@/components/console/console-page';

export default function ConsoleReleases() {
  return <ConsolePage href="/console/releases" />;
}
