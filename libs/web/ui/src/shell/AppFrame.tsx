// The page's frame: a fixed header, the phone menu below it, and the content. It does for this
// app what Mantine's AppShell did (the same props, as AppLayout uses them) with a few CSS rules
// (theme/global.css) instead of AppShell's 12 KB of script on every first load.
import { createContext, useContext, type ComponentPropsWithRef, type CSSProperties, type ReactNode } from 'react';

interface NavbarOptions {
  width: number;
  /** Below it (48em, Mantine's `sm`) the menu covers the width of the screen. */
  breakpoint: 'sm';
  collapsed: { mobile: boolean; desktop: boolean };
}

const NavbarContext = createContext<NavbarOptions | undefined>(undefined);

export interface AppFrameProps {
  header: { height: number };
  navbar?: NavbarOptions;
  padding: 'md';
  children: ReactNode;
}

export function AppFrame({ header, navbar, padding, children }: AppFrameProps) {
  const style = {
    '--convene-header-height': `${header.height}px`,
    '--convene-navbar-width': `${navbar?.width ?? 0}px`,
    '--convene-frame-padding': `var(--mantine-spacing-${padding})`,
  } as CSSProperties;
  return (
    <NavbarContext.Provider value={navbar}>
      <div className="convene-frame" style={style}>
        {children}
      </div>
    </NavbarContext.Provider>
  );
}

function Header({ children }: { children: ReactNode }) {
  return <header className="convene-frame-header">{children}</header>;
}

function Navbar({ id, children }: { id: string; children: ReactNode }) {
  const navbar = useContext(NavbarContext);
  return (
    <nav
      id={id}
      className="convene-frame-navbar"
      data-collapsed-mobile={navbar?.collapsed.mobile || undefined}
      data-collapsed-desktop={navbar?.collapsed.desktop || undefined}
    >
      {children}
    </nav>
  );
}

function Main({ className, ...props }: ComponentPropsWithRef<'main'>) {
  return <main className={className ? `convene-frame-main ${className}` : 'convene-frame-main'} {...props} />;
}

AppFrame.Header = Header;
AppFrame.Navbar = Navbar;
AppFrame.Main = Main;
