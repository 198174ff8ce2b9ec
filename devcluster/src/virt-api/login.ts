// The guest's getty as seen on a console: login, password (not echoed), "Login incorrect", again.
// Input is what a terminal sends (CR or LF for Enter, DEL or BS to erase); output is what to show.
export class LoginPrompt {
  private mode: 'login' | 'password' = 'login';
  private typed = '';

  constructor(private readonly host: string) {}

  prompt(): string {
    return `${this.host} login: `;
  }

  input(text: string): string {
    let out = '';
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') out += this.enter();
      else if (ch === '\x7f' || ch === '\b') {
        if (this.typed.length > 0) {
          this.typed = this.typed.slice(0, -1);
          if (this.mode === 'login') out += '\b \b';
        }
      } else if (ch === '\x03') {
        // Ctrl-C: getty drops the line and asks again.
        this.mode = 'login';
        this.typed = '';
        out += `^C\r\n\r\n${this.prompt()}`;
      } else if (ch >= ' ' && ch <= '~') {
        this.typed += ch;
        if (this.mode === 'login') out += ch;
      }
    }
    return out;
  }

  private enter(): string {
    const typed = this.typed;
    this.typed = '';
    if (this.mode === 'login') {
      if (!typed) return `\r\n${this.prompt()}`;
      this.mode = 'password';
      return '\r\nPassword: ';
    }
    this.mode = 'login';
    return `\r\n\r\nLogin incorrect\r\n${this.prompt()}`;
  }
}

/** Boot messages a cloud image prints on its console, with the VM's own name and OS. */
export function bootLines(
  host: string,
  os: { prettyName?: string; kernelRelease?: string },
): string[] {
  const kernel = os.kernelRelease ?? '6.8.0-85-generic';
  const pretty = os.prettyName ?? 'Ubuntu 24.04.3 LTS';
  return [
    `[    0.000000] Linux version ${kernel} (buildd@lcy02-amd64-010) #85-Ubuntu SMP PREEMPT_DYNAMIC`,
    '[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0',
    '[    0.000000] DMI: KubeVirt None/RHEL, BIOS 1.16.3-2.el9 04/01/2014',
    '[    0.412233] virtio_blk virtio2: [vda] 41943040 512-byte logical blocks (21.5 GB/20.0 GiB)',
    '[    0.903117] virtio_net virtio0 enp1s0: renamed from eth0',
    `[    2.118402] systemd[1]: Hostname set to <${host}>.`,
    '[  OK  ] Reached target cloud-init.target - Cloud-init target.',
    '',
    `${pretty} ${host} ttyS0`,
    '',
  ];
}
