import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { createPortal } from './react-dom-portal';

describe('the react-dom portal the plugin bundle uses', () => {
  it('builds the same element as react-dom 17', () => {
    const target = document.createElement('div');
    const child = <span>x</span>;
    expect(createPortal(child, target, 'k')).toEqual(ReactDOM.createPortal(child, target, 'k'));
    expect(createPortal(child, target)).toEqual(ReactDOM.createPortal(child, target));
  });

  it('is mounted by the host renderer into its container, and unmounted with its owner', () => {
    const root = document.createElement('div');
    const overlay = document.createElement('div');
    document.body.append(root, overlay);
    const Owner = () => <>{createPortal(<b data-test="portal">in overlay</b>, overlay) as never}</>;
    act(() => {
      ReactDOM.render(<Owner />, root);
    });
    expect(overlay.querySelector('[data-test="portal"]')).toHaveTextContent('in overlay');
    expect(root.querySelector('[data-test="portal"]')).toBeNull();
    act(() => {
      ReactDOM.unmountComponentAtNode(root);
    });
    expect(overlay.querySelector('[data-test="portal"]')).toBeNull();
  });

  it('refuses a container that is not a DOM node', () => {
    expect(() => createPortal(null, {} as Element)).toThrow(
      'Target container is not a DOM element.',
    );
  });
});
