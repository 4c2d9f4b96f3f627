// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button, IconButton } from '../../../src/components/ui/button.js';
import { Menu } from '../../../src/components/ui/menu.js';
import { Popover } from '../../../src/components/ui/popover.js';
import { Select, TextInput } from '../../../src/components/ui/text-input.js';
import { Toggle } from '../../../src/components/ui/toggle.js';
import { axeViolations } from '../axe.js';

describe('Button and IconButton', () => {
  it('never submits a surrounding form unless asked to', async () => {
    const user = userEvent.setup();
    const submit = vi.fn((event: SubmitEvent) => event.preventDefault());
    render(
      <form onSubmit={(event) => submit(event.nativeEvent as SubmitEvent)}>
        <Button>Plain</Button>
        <Button type="submit" variant="primary">
          Send
        </Button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Plain' }));
    expect(submit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(submit).toHaveBeenCalledOnce();
  });

  it('names an icon button by its label, with the icon hidden and the label as tooltip', async () => {
    const { container } = render(<IconButton label="Close" icon="×" />);
    const button = screen.getByRole('button', { name: 'Close' });
    expect(button.title).toBe('Close');
    expect(button.querySelector('[aria-hidden="true"]')?.textContent).toBe('×');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('Toggle', () => {
  function LiveToggle() {
    const [on, setOn] = useState(false);
    return (
      <Toggle pressed={on} onPressedChange={setOn}>
        Live
      </Toggle>
    );
  }

  it('reports its state through aria-pressed and flips it on click and on Space', async () => {
    const user = userEvent.setup();
    render(<LiveToggle />);
    const toggle = screen.getByRole('button', { name: 'Live' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await user.keyboard(' ');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('Popover', () => {
  function Filters() {
    return (
      <>
        <Popover trigger="Time range" label="Choose a time range">
          <TextInput aria-label="From" />
          <Select aria-label="Preset">
            <option>Last hour</option>
          </Select>
        </Popover>
        <button type="button">Elsewhere</button>
      </>
    );
  }

  it('opens on the first control inside, and Escape closes it and returns focus to the trigger', async () => {
    const user = userEvent.setup();
    render(<Filters />);
    const trigger = screen.getByRole('button', { name: 'Time range' });
    trigger.focus();
    await user.keyboard('{Enter}');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Choose a time range' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'From' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Preset' }));
    await user.keyboard('{Escape}');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('closes when the pointer goes down outside it', async () => {
    const user = userEvent.setup();
    render(<Filters />);
    await user.click(screen.getByRole('button', { name: 'Time range' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps an Escape to itself, so an enclosing panel stays open', async () => {
    const user = userEvent.setup();
    const outer = vi.fn();
    render(
      <div onKeyDown={(event) => event.key === 'Escape' && outer()}>
        <Filters />
      </div>,
    );
    await user.click(screen.getByRole('button', { name: 'Time range' }));
    await user.keyboard('{Escape}');
    expect(outer).not.toHaveBeenCalled();
  });
});

describe('Menu', () => {
  function ExportMenu({ onPick }: { onPick: (format: string) => void }) {
    return (
      <Menu
        trigger="Export"
        items={[
          { id: 'csv', label: 'CSV', onSelect: () => onPick('csv') },
          { id: 'pdf', label: 'PDF', onSelect: () => onPick('pdf'), disabled: true },
          { id: 'json', label: 'JSON', onSelect: () => onPick('json') },
        ]}
      />
    );
  }

  it('opens from the keyboard on the first item, skips disabled items, wraps, and chooses with Enter', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    const { container } = render(<ExportMenu onPick={onPick} />);
    const trigger = screen.getByRole('button', { name: 'Export' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menu', { name: 'Export' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'CSV' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'JSON' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'CSV' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'JSON' }));
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('json');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('opens on the last item with ArrowUp, and Escape closes it back onto the trigger', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<ExportMenu onPick={onPick} />);
    const trigger = screen.getByRole('button', { name: 'Export' });
    trigger.focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'JSON' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'CSV' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('does nothing when a disabled item is clicked', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<ExportMenu onPick={onPick} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('menuitem', { name: 'PDF' }));
    expect(onPick).not.toHaveBeenCalled();
    expect(screen.getByRole('menu')).toBeTruthy();
  });
});
