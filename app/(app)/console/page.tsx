import { ConsolePage } from '@/components/console/console-page';

export default function ConsoleNodes() {
  return <ConsolePage href="/console" />;
}
