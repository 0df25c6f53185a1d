package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  /** Spends some CPU in this thread (hashing), so that this process's CPU time moves. */
  private static void work() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < 50; i++) {
      block[0] = sha.digest(block)[0];
    }
  }

  @Test
  void account_givesTheCpuSpentBetweenOpeningAndClosing() throws Exception {
    CpuMeter meter = new CpuMeter(ProcessHandle.current(), ProcessHandle.current());
    assertThat(ProcessHandle.current().info().totalCpuDuration()).isPresent(); // Linux gives it

    meter.opened();
    work();
    meter.closed();
    CpuAccount a = meter.account(100);

    assertThat(a.cas()).isPresent();
    assertThat(a.cas().get()).isPositive();
    assertThat(a.loadGenerator()).isPresent();
    assertThat(a.operations()).isEqualTo(100);
  }

  @Test
  void account_beforeTheWindowClosed_fails() {
    CpuMeter meter = new CpuMeter(ProcessHandle.current());
    meter.opened();

    assertThatThrownBy(() -> meter.account(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void account_ofAProcessThatIsGone_isUnknown() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    CpuMeter meter = new CpuMeter(gone.toHandle());

    meter.opened();
    meter.closed();

    assertThat(meter.account(1).cas()).isEmpty();
    assertThat(meter.account(1).loadGenerator()).isPresent();
  }
}
