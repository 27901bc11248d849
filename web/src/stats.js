// The tutorial's closing line, shared by the page and the headless runner:
// [2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45 Final loss: 0.01135601 Time: 0.004 s
export function statsLine({ describe, status, finalLoss, epoch, seconds }) {
  const outcome = status === 'diverged'
    ? `Diverged at epoch: ${epoch + 1}`
    : `Final loss: ${Number.isFinite(finalLoss) ? Number(finalLoss.toPrecision(7)) : '-'}`;
  return `${describe} ${outcome} Time: ${seconds.toFixed(3)} s`;
}
